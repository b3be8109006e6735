// Clients get the product type the generator makes.
@_exported import VitrinaModel

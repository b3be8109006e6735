// Clients of the index get the shared value types (Product, Language, …) with it.
@_exported import VitrinaModel

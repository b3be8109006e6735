// Clients of the text layer get the shared value types (Language, …) with it.
@_exported import VitrinaModel

/// An error reported by the system ICU library.
///
/// `code` is ICU's `UErrorCode` value (for example 1 for `U_ILLEGAL_ARGUMENT_ERROR`,
/// 2 for `U_MISSING_RESOURCE_ERROR`). `operation` names what Vitrina was doing.
public struct ICUError: Error, CustomStringConvertible, Sendable, Equatable {
    /// ICU's numeric error code.
    public let code: Int32
    /// What Vitrina asked ICU to do, such as `open transliterator Russian-Latin/BGN`.
    public let operation: String

    /// A message naming the operation and the ICU error code.
    public var description: String { "ICU failed to \(operation) (UErrorCode \(code))" }
}

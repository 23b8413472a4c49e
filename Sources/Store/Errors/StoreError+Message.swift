public import VaktloggCore
import VaktloggText

extension StoreError {
    /// The message in both languages, rendered by the catalogue from the code, field, arguments and
    /// violations (``VaktloggText/StoreErrorText``); a refused input from Core or Rules keeps the
    /// message its check wrote.
    public var message: LocalizedText {
        if let validationError { return validationError.message }
        return StoreErrorText.text(code: code.rawValue, field: field, arguments: arguments, violations: violations)
    }

    /// `field: message` in the given language.
    public func formatted(_ language: Language) -> String {
        (field.map { "\($0): " } ?? "") + message(language)
    }
}

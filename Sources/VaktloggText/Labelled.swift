public import VaktloggCore

/// A code with a name a person reads: every code enum of Core and Rules has one, in both languages.
///
/// Human output shows `label`, never the raw code; `--json` keeps the code.
public protocol Labelled {
    /// The name of this value in bokmål and English.
    var label: LocalizedText { get }
}

extension Labelled {
    /// The name in `language`.
    public func label(_ language: Language) -> String { label(language) }
}

/// The shorthand the catalogue's tables are written in.
func t(_ nb: String, _ en: String) -> LocalizedText { LocalizedText(nb: nb, en: en) }

/// The labels of a raw code of type `T`, or the code itself when it is not one (a code newer than
/// this binary is shown as it is rather than hidden).
func labelOf<T: Labelled & RawRepresentable>(_: T.Type, _ code: String) -> LocalizedText where T.RawValue == String {
    T(rawValue: code)?.label ?? LocalizedText(nb: code, en: code)
}

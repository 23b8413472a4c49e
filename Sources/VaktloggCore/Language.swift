/// The language of user-facing text: Norwegian bokmål by default, English on request.
public enum Language: String, Codable, Sendable, CaseIterable, Hashable {
    /// Norsk bokmål (default).
    case nb
    /// English.
    case en

    /// The language chosen by a `--lang` flag, else `VAKTLOGG_LANG`, else bokmål.
    ///
    /// Accepts `nb`, `no`, `nb_NO…` and `en`, `en_GB…`; anything unrecognised falls back to bokmål,
    /// because a misspelt setting must not leave a duty officer without messages.
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        for candidate in [flag, environment["VAKTLOGG_LANG"]] {
            guard let raw = candidate?.lowercased(), !raw.isEmpty else { continue }
            if raw.hasPrefix("en") { return .en }
            if raw.hasPrefix("nb") || raw.hasPrefix("no") || raw.hasPrefix("nn") { return .nb }
        }
        return .nb
    }
}

/// A user-facing text in both product languages.
public struct LocalizedText: Hashable, Codable, Sendable {
    /// Norsk bokmål.
    public var nb: String
    /// English.
    public var en: String

    /// Both texts.
    public init(nb: String, en: String) {
        self.nb = nb
        self.en = en
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .nb: nb
        case .en: en
        }
    }
}

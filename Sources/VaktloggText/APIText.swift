public import VaktloggCore

/// Texts of the HTTP API (`vaktlogg serve`): the titles and details of its problem documents
/// (RFC 9457). A refusal of the Store keeps the Store's own message (``StoreErrorText``); these
/// are the refusals the service makes itself, before or around the Store.
public enum APIText {
    /// The title of a problem of this HTTP status (a short summary that does not vary by case).
    public static func title(status: Int) -> LocalizedText {
        switch status {
        case 400: LocalizedText(nb: "Ugyldig forespørsel", en: "Bad request")
        case 401: LocalizedText(nb: "Ikke autentisert", en: "Not authenticated")
        case 403: LocalizedText(nb: "Ikke tillatt", en: "Forbidden")
        case 404: LocalizedText(nb: "Finnes ikke", en: "Not found")
        case 405: LocalizedText(nb: "Metoden er ikke tillatt", en: "Method not allowed")
        case 409: LocalizedText(nb: "Konflikt", en: "Conflict")
        case 413: LocalizedText(nb: "For stor forespørsel", en: "Request too large")
        case 415: LocalizedText(nb: "Feil innholdstype", en: "Unsupported media type")
        case 422: LocalizedText(nb: "Kan ikke behandles", en: "Unprocessable content")
        case 503: LocalizedText(nb: "Tjenesten er ikke tilgjengelig", en: "Service unavailable")
        default: LocalizedText(nb: "Intern feil", en: "Internal error")
        }
    }

    public static let tokenMissing = LocalizedText(
        nb: "mangler nøkkel: send «Authorization: Bearer NØKKEL» (lages med vaktlogg token create)",
        en: "no token: send \"Authorization: Bearer TOKEN\" (made with vaktlogg token create)")
    public static let tokenInvalid = LocalizedText(
        nb: "ukjent, utløpt eller tilbakekalt nøkkel, eller en deaktivert bruker",
        en: "unknown, expired or revoked token, or a disabled user")
    public static let tokenMalformed = LocalizedText(
        nb: "Authorization må være «Bearer» fulgt av nøkkelen", en: "Authorization must be \"Bearer\" followed by the token")
    public static func bodyTooLarge(limit: Int) -> LocalizedText {
        LocalizedText(nb: "forespørselen er større enn \(limit) byte", en: "the request body is larger than \(limit) bytes")
    }
    public static let bodyRequired = LocalizedText(nb: "forespørselen må ha en JSON-kropp", en: "the request needs a JSON body")
    public static let malformedJSON = LocalizedText(nb: "ugyldig JSON", en: "malformed JSON")
    public static let expectedObject = LocalizedText(nb: "forventet et JSON-objekt", en: "expected a JSON object")
    public static let required = LocalizedText(nb: "mangler", en: "is required")
    public static func wrongType(expected: String) -> LocalizedText {
        LocalizedText(nb: "feil type; forventet \(expected)", en: "wrong type; expected \(expected)")
    }
    public static func unknownField(allowed: [String]) -> LocalizedText {
        LocalizedText(nb: "ukjent felt; tillatt: \(allowed.joined(separator: ", "))",
                      en: "unknown field; allowed: \(allowed.joined(separator: ", "))")
    }
    public static func notOneOf(_ allowed: [String]) -> LocalizedText {
        LocalizedText(nb: "ukjent verdi; tillatt: \(allowed.joined(separator: ", "))",
                      en: "unknown value; allowed: \(allowed.joined(separator: ", "))")
    }
    public static func outOfRange(min: Int, max: Int) -> LocalizedText {
        LocalizedText(nb: "må være mellom \(min) og \(max)", en: "must be between \(min) and \(max)")
    }
    public static let dateFormat = LocalizedText(nb: "forventet en dato ÅÅÅÅ-MM-DD", en: "expected a date YYYY-MM-DD")
    public static let idempotencyKey = LocalizedText(
        nb: "Idempotency-Key må være 1–200 synlige ASCII-tegn", en: "Idempotency-Key must be 1–200 visible ASCII characters")
    public static let notFound = LocalizedText(nb: "ingen slik adresse i API-et", en: "no such address in the API")
    public static let methodNotAllowed = LocalizedText(nb: "metoden er ikke tillatt her", en: "the method is not allowed here")
    public static let unsupportedMediaType = LocalizedText(
        nb: "kroppen må være application/json", en: "the body must be application/json")
    public static let internalError = LocalizedText(
        nb: "en uventet feil; den er logget på tjeneren", en: "an unexpected error; it is logged on the server")
    public static let databaseUnavailable = LocalizedText(
        nb: "databasen kan ikke nås; prøv igjen", en: "the database cannot be reached; try again")
    public static let migrationsBehind = LocalizedText(
        nb: "databasen mangler migreringer denne versjonen trenger (vaktlogg db migrate)",
        en: "the database lacks migrations this version needs (vaktlogg db migrate)")
    public static let treatmentNeedsSomething = LocalizedText(
        nb: "oppgi cause og/eller measure med responsible og due", en: "give cause and/or measure with responsible and due")
    public static let measureIncomplete = LocalizedText(
        nb: "measure, responsible og due oppgis sammen", en: "measure, responsible and due go together")
    public static let supervisionStep = LocalizedText(
        nb: "step er offered eller held", en: "step is offered or held")
    public static let policeDecision = LocalizedText(
        nb: "decision er inform eller not_inform", en: "decision is inform or not_inform")
    public static let limit = LocalizedText(nb: "må være et heltall 1–10000", en: "must be a whole number 1–10000")
    public static let flag = LocalizedText(nb: "må være true eller false", en: "must be true or false")
}

extension APIText {
    public static let controlCharacters = LocalizedText(
        nb: "teksten inneholder et NUL-tegn", en: "the text contains a NUL character")
    public static let duplicateField = LocalizedText(
        nb: "feltet er oppgitt mer enn én gang", en: "the field is given more than once")
}

/// Texts of `vaktlogg serve` itself (its options and start-up).
public enum ServeText {
    /// The database role the service logs in as (sql/025); not a text, named once here.
    public static let authenticatorRole = "vaktlogg_authenticator"
    public static func listening(_ address: String) -> LocalizedText {
        LocalizedText(nb: "Vaktlogg-API lytter på \(address) (stopp med SIGTERM eller Ctrl-C)",
                      en: "Vaktlogg API listening on \(address) (stop with SIGTERM or Ctrl-C)")
    }
    public static let tlsPair = LocalizedText(nb: "--tls-cert og --tls-key oppgis sammen", en: "--tls-cert and --tls-key go together")
    public static let port = LocalizedText(nb: "--port må være 0–65535", en: "--port must be 0–65535")
    public static let poolSize = LocalizedText(nb: "--pool-size må være 1–256", en: "--pool-size must be 1–256")
    public static let maxBody = LocalizedText(nb: "--max-body må være 1024–16777216", en: "--max-body must be 1024–16777216")
    public static let escalateEvery = LocalizedText(nb: "--escalate-every kan ikke være negativ", en: "--escalate-every cannot be negative")
    public static let escalationToken = LocalizedText(
        nb: "--escalate-every trenger en nøkkel i VAKTLOGG_ESCALATION_TOKEN (en sikkerhetskoordinator, integrasjon eller administrator)",
        en: "--escalate-every needs a token in VAKTLOGG_ESCALATION_TOKEN (a security coordinator, integration or administrator)")
}

public import Foundation

extension EntryDraft {
    /// How far ahead of the clock a time may lie (clock skew between a workstation and the server).
    public static let futureTolerance: TimeInterval = 5 * 60

    /// Everything wrong with the draft, each naming its field and what is allowed. Empty when the
    /// draft can be judged and stored.
    public func validationErrors(now: Date = Date()) -> [ValidationError] {
        var errors: [ValidationError] = []
        func fail(_ field: String, _ code: ValidationError.Code, nb: String, en: String) {
            errors.append(ValidationError(code: code, field: field, message: LocalizedText(nb: nb, en: en)))
        }
        let codes = kind.categoryCodes
        if category.isEmpty {
            fail("category", .required, nb: "mangler; tillatt for \(kind.rawValue): \(codes.joined(separator: ", "))",
                 en: "is required; allowed for \(kind.rawValue): \(codes.joined(separator: ", "))")
        } else if !codes.contains(category) {
            fail("category", .unknownCode, nb: "ukjent kategori «\(category)» for \(kind.rawValue); tillatt: \(codes.joined(separator: ", "))",
                 en: "unknown category “\(category)” for \(kind.rawValue); allowed: \(codes.joined(separator: ", "))")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fail("text", .blank, nb: "teksten kan ikke være tom", en: "the text cannot be empty")
        } else if text.unicodeScalars.contains("\u{0}") {
            // PostgreSQL text cannot hold NUL; refused here rather than failing as an internal error.
            fail("text", .invalidFormat, nb: "teksten kan ikke inneholde NUL-tegn (\\u0000)",
                 en: "the text cannot contain NUL characters (\\u0000)")
        } else if text.count > 20_000 {
            fail("text", .outOfRange, nb: "teksten er for lang (høyst 20000 tegn)", en: "the text is too long (at most 20000 characters)")
        }
        if let unit {
            do throws(ValidationError) { _ = try UnitCode(unit, field: "unit") } catch { errors.append(error) }
        }
        for (name, value) in [("probability", probability), ("consequence", consequence)] {
            guard let value else {
                fail(name, .required, nb: "mangler; tillatt: 1–5", en: "is required; allowed: 1–5")
                continue
            }
            if !(1...5).contains(value) {
                fail(name, .outOfRange, nb: "må være 1–5 (fikk \(value))", en: "must be 1–5 (got \(value))")
            }
        }
        let limit = now.addingTimeInterval(Self.futureTolerance)
        if let occurredAt, occurredAt > limit {
            fail("occurred_at", .outOfRange, nb: "tidspunktet ligger i fremtiden", en: "the time lies in the future")
        }
        if let reportedAt, reportedAt > limit {
            fail("reported_at", .outOfRange, nb: "tidspunktet ligger i fremtiden", en: "the time lies in the future")
        }
        // Not repeated for a time already refused as lying in the future.
        if let occurredAt, let reportedAt, occurredAt <= limit, occurredAt > reportedAt.addingTimeInterval(Self.futureTolerance) {
            fail("occurred_at", .inconsistent, nb: "kan ikke ligge etter meldetidspunktet", en: "cannot be after the time it was reported")
        }
        if category == "other" && interests.isEmpty && kind != .manipulation {
            fail("interests", .required, nb: "kategori «other» krever minst én truet interesse; tillatt: \(Interest.allCases.map(\.rawValue).joined(separator: ", "))",
                 en: "category “other” needs at least one threatened interest; allowed: \(Interest.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for (i, person) in persons.enumerated() {
            do throws(ValidationError) { _ = try PersonReference(person.ref, field: "persons[\(i)].ref") } catch { errors.append(error) }
        }
        switch kind {
        case .manipulation:
            if target == nil {
                fail("target", .required, nb: "mangler; tillatt: \(ManipulationTarget.allCases.map(\.rawValue).joined(separator: ", "))",
                     en: "is required; allowed: \(ManipulationTarget.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if inWorkingHours == nil {
                fail("in_working_hours", .required, nb: "mangler; oppgi om det skjedde i eller utenfor arbeidstid",
                     en: "is required; say whether it happened in or outside working hours")
            }
        case .threat:
            if source == nil {
                fail("source", .required, nb: "mangler; tillatt: \(ThreatSource.allCases.map(\.rawValue).joined(separator: ", "))",
                     en: "is required; allowed: \(ThreatSource.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if Set(organisedCrimeCriteria).count != organisedCrimeCriteria.count {
                fail("organised_crime_criteria", .duplicate, nb: "et kriterium er oppgitt to ganger", en: "a criterion is given twice")
            }
            if let bad = organisedCrimeCriteria.first(where: { !(1...11).contains($0) }) {
                fail("organised_crime_criteria", .outOfRange, nb: "kriteriene er 1–11 (fikk \(bad))", en: "the criteria are 1–11 (got \(bad))")
            }
        case .incident, .deviation:
            break
        }
        if kind != .manipulation && (target != nil || inWorkingHours != nil) {
            fail(target != nil ? "target" : "in_working_hours", .notAllowed,
                 nb: "gjelder bare manipulasjonsrapporter", en: "applies to manipulation reports only")
        }
        if kind != .threat && (source != nil || sourceReliability != nil || informationCredibility != nil
                               || !organisedCrimeCriteria.isEmpty || infoflyt != nil) {
            fail("source", .notAllowed, nb: "kilde, gradering og kriterier gjelder bare trusselhendelser",
                 en: "source, grading and criteria apply to threat events only")
        }
        return errors
    }

    /// The domain when none is given: HSE and infosec categories imply theirs.
    public var effectiveDomain: SecurityDomain {
        if let domain { return domain }
        switch (kind, category) {
        case (.deviation, "hse"): return .hse
        case (.deviation, "personal_data"), (.incident, "infosec_breach"), (.threat, "cyber"): return .infosec
        default: return .correctionalSecurity
        }
    }
}

/// The synthetic organisation: `units` units (codes SYN01…) spread over regions of about twelve
/// units, of the four types in the proportions of the correctional service, each with four duty
/// officers, two security coordinators and a manager, and one integration account that runs the
/// escalation worker for all of them.
enum SyntheticOrganisation {
    static let firstNames = ["Ola", "Kari", "Ingrid", "Per", "Sofie", "Jonas", "Anders", "Lise", "Mats", "Nils",
                             "Tone", "Mona", "Erik", "Hanne", "Lars", "Silje", "Knut", "Marte", "Geir", "Eva"]
    static let lastNames = ["Hansen", "Berg", "Haugen", "Strand", "Eide", "Moen", "Bakke", "Lund", "Nilsen", "Dahl",
                            "Aas", "Solberg", "Vik", "Johansen", "Larsen", "Olsen", "Pedersen", "Kristiansen"]
    static let integration = "syn.alarm"

    struct Region { let code: String; let name: String }
    struct User { let name: String; let role: String; let units: [String]; let fullName: String }

    static func regions(units: Int) -> [Region] {
        (1...max(1, (units + 11) / 12)).map { Region(code: "SYNR\($0)", name: "Syntetisk region \($0)") }
    }

    static func units(_ count: Int) -> [(unit: SyntheticUnit, name: String, level: Int16)] {
        let regionCount = regions(units: count).count
        return (1...count).map { i in
            let code = "SYN" + (i < 10 ? "0\(i)" : "\(i)")
            let lower = code.lowercased()
            let slot = i % 20
            let (type, weight, level): (String, Int, Int16) = slot < 8 ? ("prison_high", 5, 1)
                : slot < 14 ? ("prison_lower", 3, 2) : slot < 17 ? ("transitional", 1, 3) : ("probation", 1, 3)
            let unit = SyntheticUnit(code: code, region: "SYNR\((i - 1) % regionCount + 1)", type: type, weight: weight,
                                     officers: (1...4).map { "\(lower).b\($0)" }, coordinators: (1...2).map { "\(lower).k\($0)" },
                                     manager: "\(lower).l1")
            return (unit, "Syntetisk enhet \(i)", level)
        }
    }

    static func users(_ units: [SyntheticUnit]) -> [User] {
        var out: [User] = []
        var n = 0
        func fullName() -> String {
            n += 1
            return "\(firstNames[n % firstNames.count]) \(lastNames[(n / firstNames.count + n) % lastNames.count])"
        }
        for u in units {
            for o in u.officers { out.append(User(name: o, role: "duty_officer", units: [u.code], fullName: fullName())) }
            for k in u.coordinators { out.append(User(name: k, role: "security_coordinator", units: [u.code], fullName: fullName())) }
            out.append(User(name: u.manager, role: "manager", units: [u.code], fullName: fullName()))
        }
        out.append(User(name: integration, role: "integration", units: units.map(\.code), fullName: "Alarmsentral (syntetisk)"))
        return out
    }
}

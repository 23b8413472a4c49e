import VaktloggCore

/// The demonstration organisation: regions, units and staff with real-sounding, invented names.
enum DemoOrganisation {
    struct Unit {
        let code: String
        let name: String
        let type: String
        let region: String
        let level: Int16
        /// Relative amount of activity (high-security units log the most).
        let weight: Int
    }

    struct User {
        let name: String
        let fullName: String
        let role: String
        let units: [String]
    }

    static let regions: [(code: String, name: String)] = [
        ("OST", "Region øst"), ("SOR", "Region sør"), ("VEST", "Region vest"), ("NORD", "Region nord"),
    ]

    static let units: [Unit] = [
        Unit(code: "BJORKVIK", name: "Bjørkvik fengsel", type: "prison_high", region: "OST", level: 1, weight: 5),
        Unit(code: "FJELLHEIM", name: "Fjellheim fengsel, avdeling lav", type: "prison_lower", region: "OST", level: 3, weight: 3),
        Unit(code: "ELVEBAKKEN", name: "Elvebakken overgangsbolig", type: "transitional", region: "SOR", level: 3, weight: 1),
        Unit(code: "HAVNES", name: "Havnes fengsel", type: "prison_high", region: "VEST", level: 1, weight: 4),
        Unit(code: "NORDLYS", name: "Nordlys friomsorgskontor", type: "probation", region: "NORD", level: 3, weight: 1),
        Unit(code: "TINDVIK", name: "Tindvik fengsel", type: "prison_lower", region: "NORD", level: 2, weight: 2),
    ]

    static let users: [User] = [
        User(name: "ola.hansen", fullName: "Ola Hansen", role: "duty_officer", units: ["BJORKVIK"]),
        User(name: "ingrid.berg", fullName: "Ingrid Berg", role: "duty_officer", units: ["BJORKVIK"]),
        User(name: "per.haugen", fullName: "Per Haugen", role: "duty_officer", units: ["FJELLHEIM"]),
        User(name: "sofie.strand", fullName: "Sofie Strand", role: "duty_officer", units: ["HAVNES"]),
        User(name: "jonas.eide", fullName: "Jonas Eide", role: "duty_officer", units: ["HAVNES"]),
        User(name: "anders.moen", fullName: "Anders Moen", role: "duty_officer", units: ["TINDVIK"]),
        User(name: "lise.bakke", fullName: "Lise Bakke", role: "duty_officer", units: ["ELVEBAKKEN", "NORDLYS"]),
        User(name: "kari.lund", fullName: "Kari Lund", role: "security_coordinator", units: ["BJORKVIK", "FJELLHEIM"]),
        User(name: "mats.nilsen", fullName: "Mats Nilsen", role: "security_coordinator", units: ["BJORKVIK"]),
        User(name: "nils.dahl", fullName: "Nils Dahl", role: "security_coordinator", units: ["HAVNES", "TINDVIK"]),
        User(name: "tone.aas", fullName: "Tone Aas", role: "security_coordinator", units: ["ELVEBAKKEN", "NORDLYS"]),
        User(name: "mona.solberg", fullName: "Mona Solberg", role: "manager", units: ["BJORKVIK", "FJELLHEIM"]),
        User(name: "erik.vik", fullName: "Erik Vik", role: "auditor", units: []),
        User(name: "alarm.bjorkvik", fullName: "Alarmsentral Bjørkvik", role: "integration", units: ["BJORKVIK"]),
    ]

    static func officers(of unit: String) -> [User] {
        users.filter { $0.role == "duty_officer" && $0.units.contains(unit) }
    }

    static func coordinators(of unit: String) -> [User] {
        users.filter { $0.role == "security_coordinator" && $0.units.contains(unit) }
    }
}

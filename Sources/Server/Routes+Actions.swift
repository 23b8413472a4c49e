import Foundation
import Hummingbird
import Rules
import Store
import VaktloggCore
import VaktloggText

extension VaktloggServer {
    /// The lifecycle actions (`POST /entries/{ref}/acknowledge` …), measures and decisions, each
    /// through the Store workflow the CLI uses.
    func addActions(_ router: Router<BasicRequestContext>) {
        for action in LifecycleAction.allCases {
            router.post("/entries/{ref}/\(action.rawValue)") { request, context in
                let ref = try context.parameters.require("ref")
                let events = try action.events(RequestBody(try await body(request), allowed: action.fields))
                return try await asUser(request) { scope in
                    try scope.committed { c in
                        let state = try StoreSession.joining(c).lifecycle.record(events, on: ref)
                        return Reply(json: EntryJSON.summary(state, now: Date()))
                    }
                }
            }
        }
        router.post("/entries/{ref}/measures") { request, context in
            let ref = try context.parameters.require("ref")
            let draft = try Self.measure(RequestBody(try await body(request), allowed: Self.measureFields))
            return try await asUser(request) { scope in
                try scope.committed { c in
                    let result = try StoreSession.joining(c).measures.record(draft, on: ref)
                    return Reply(status: 201, json: [
                        "id": result.id, "entry": ref, "outcome": result.storedOutcome,
                        "assessment_id": result.assessmentID.map { $0 as Any } ?? NSNull(),
                        "violations": result.violations.map { ["rule": $0.rule.rawValue, "reason": $0.reason, "justified": $0.justified] },
                    ])
                }
            }
        }
        router.post("/entries/{ref}/decisions") { request, context in
            let ref = try context.parameters.require("ref")
            let draft = try Self.decision(RequestBody(try await body(request), allowed: Self.decisionFields))
            return try await asUser(request) { scope in
                try scope.committed { c in
                    let id = try StoreSession.joining(c).decisions.record(draft, on: ref)
                    return Reply(status: 201, json: ["id": id, "entry": ref])
                }
            }
        }
    }

    static let measureFields = ["type", "purpose", "burdens", "restrictiveness", "ground", "justification",
                                "rehabilitation_note", "description", "person"]

    static func measure(_ b: RequestBody) throws(Problem) -> MeasureDraft {
        let r = try b.requiredInt("restrictiveness", in: 0...4)
        var d = MeasureDraft(type: try b.requiredCode("type", MeasureType.self), purpose: try b.requiredCode("purpose", Interest.self),
                             burdens: try b.codes("burdens", Interest.self), restrictiveness: Restrictiveness(rawValue: r)!)
        d.ground = try b.code("ground", CommunicationGround.self)
        d.justification = try b.string("justification")
        d.rehabilitationNote = try b.string("rehabilitation_note")
        d.description = try b.string("description")
        d.person = try b.string("person")
        return d
    }

    static let decisionFields = ["text", "public_safety_significant", "justification", "assessments", "person"]

    static func decision(_ b: RequestBody) throws(Problem) -> DecisionDraft {
        guard let significant = try b.bool("public_safety_significant") else {
            throw Problem.invalid("public_safety_significant", APIText.required, code: "required")
        }
        return DecisionDraft(text: try b.requiredString("text"), publicSafetySignificant: significant,
                             justification: try b.string("justification"), assessments: try b.ints("assessments").map(Int64.init),
                             person: try b.string("person"))
    }
}

/// The lifecycle actions of the API, one path each, with the fields their body may carry.
enum LifecycleAction: String, CaseIterable, Sendable {
    case acknowledge, assign, comment, treat, close, reopen, supervision
    case assessThreat = "assess-threat"
    case policeDecision = "police-decision"

    var fields: [String] {
        switch self {
        case .acknowledge: []
        case .assign: ["to"]
        case .comment: ["text"]
        case .treat: ["cause", "measure", "responsible", "due"]
        case .close: ["verification"]
        case .reopen: ["reason"]
        case .supervision: ["step"]
        case .assessThreat: ["source_reliability", "information_credibility", "probability", "consequence"]
        case .policeDecision: ["decision", "justification"]
        }
    }

    /// The events the body asks for (the same as the CLI command's).
    func events(_ b: RequestBody) throws(Problem) -> [LifecycleEvent] {
        switch self {
        case .acknowledge: return [.acknowledge]
        case .assign: return [.assign(to: try b.requiredString("to"))]
        case .comment: return [.comment(try b.requiredString("text"))]
        case .treat:
            var events: [LifecycleEvent] = []
            if let cause = try b.string("cause") { events.append(.startTreatment(cause: cause)) }
            let measure = try b.string("measure"), responsible = try b.string("responsible"), due = try b.string("due")
            if measure != nil || responsible != nil || due != nil {
                guard let measure, let responsible, let due else { throw Problem.invalid("measure", APIText.measureIncomplete) }
                guard let date = CalendarDate(due) else { throw Problem.invalid("due", APIText.dateFormat, code: "invalid_format") }
                events.append(.decideMeasure(measure: measure, responsible: responsible, due: date))
            }
            guard !events.isEmpty else { throw Problem.invalid("cause", APIText.treatmentNeedsSomething, code: "required") }
            return events
        case .close: return [.close(verification: try b.string("verification"))]
        case .reopen: return [.reopen(reason: try b.requiredString("reason"))]
        case .supervision:
            switch try b.requiredString("step") {
            case "offered": return [.supervisionOffered]
            case "held": return [.supervisionHeld]
            default: throw RequestBody.unknown("step", ["offered", "held"])
            }
        case .assessThreat:
            let credibility = try b.requiredInt("information_credibility", in: 1...6)
            return [.assessThreat(source: try b.requiredCode("source_reliability", SourceReliability.self),
                                  credibility: InformationCredibility(rawValue: String(credibility))!,
                                  probability: try b.requiredInt("probability", in: 1...5),
                                  consequence: try b.requiredInt("consequence", in: 1...5))]
        case .policeDecision:
            let decision = try b.requiredString("decision")
            guard decision == "inform" || decision == "not_inform" else { throw RequestBody.unknown("decision", ["inform", "not_inform"]) }
            return [.policeDecision(inform: decision == "inform", justification: try b.requiredString("justification"))]
        }
    }
}

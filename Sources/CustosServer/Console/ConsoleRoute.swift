import Hummingbird

/// Every page and action of the signed-in console, with the ability each needs. The router
/// mounts exactly these, behind one check, and the route × role test walks exactly these.
enum ConsoleRoute: String, CaseIterable, Sendable {
    case dashboard
    case people
    case searchPeople
    case person
    case newRecord
    case addRecord
    case imports
    case startImport
    case importJob
    case importProblems
    case requests
    case request
    case requestStep
    case requestPackage
    case requestCarryOut
    case registers
    case policy
    case policyROPA
    case policyFideslang
    case audit
    case tokens
    case makeToken
    case revokeToken
    case school
    case authorise
    case events
    case signOut

    var method: HTTPRequest.Method {
        switch self {
        case .dashboard, .people, .person, .newRecord, .imports, .importJob, .importProblems, .requests, .request,
            .requestPackage, .registers, .policy,
            .policyROPA,
            .policyFideslang,
            .audit, .tokens, .school, .events:
            .get
        case .searchPeople, .addRecord, .startImport, .requestStep, .requestCarryOut, .makeToken, .revokeToken,
            .authorise, .signOut:
            .post
        }
    }

    /// The path under `/console`, with its parameters.
    var path: String {
        switch self {
        case .dashboard: ""
        case .people, .searchPeople: "people"
        case .person: "people/:subject"
        case .newRecord, .addRecord: "records/new"
        case .imports, .startImport: "imports"
        case .importJob: "imports/:job"
        case .importProblems: "imports/:job/problems.csv"
        case .requests: "requests"
        case .request: "requests/:request"
        case .requestStep: "requests/:request/steps"
        case .requestPackage: "requests/:request/package.zip"
        case .requestCarryOut: "requests/:request/carry-out"
        case .registers: "registers"
        case .policy: "policy"
        case .policyROPA: "policy/ropa.csv"
        case .policyFideslang: "policy/fideslang.yaml"
        case .audit: "audit"
        case .tokens, .makeToken: "tokens"
        case .revokeToken: "tokens/:token/revoke"
        case .school: "school"
        case .authorise: "school/records/:record/authorise"
        case .events: "events"
        case .signOut: "sign-out"
        }
    }

    /// What the route needs; nil for what every signed-in user may do (sign out).
    var ability: ConsoleAbility? {
        switch self {
        case .dashboard: .viewDashboard
        case .people, .searchPeople, .person: .findPeople
        case .newRecord, .addRecord: .addRecords
        case .imports, .startImport, .importJob, .importProblems: .importRecords
        case .requests, .request: .viewRequests
        case .requestStep, .requestPackage, .requestCarryOut: .actOnRequests
        case .registers: .viewRegisters
        case .policy, .policyROPA, .policyFideslang: .viewPolicy
        case .audit: .viewAudit
        case .tokens, .makeToken, .revokeToken: .manageTokens
        case .school, .authorise: .leadSchool
        case .events: .deliverEvents
        case .signOut: nil
        }
    }
}

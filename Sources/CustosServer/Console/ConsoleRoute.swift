import Hummingbird

/// Every page and action of the signed-in console, with the ability each needs. The router
/// mounts exactly these, behind one check, and the route × role test walks exactly these.
enum ConsoleRoute: String, CaseIterable, Sendable {
    case dashboard
    case people
    case searchPeople
    case person
    case duplicates
    case mergeForm
    case merge
    case newRecord
    case addRecord
    case imports
    case startImport
    case importJob
    case importProblems
    case requests
    case newRequest
    case logRequest
    case request
    case requestLink
    case requestStep
    case requestPackage
    case requestCarryOut
    case registers
    case newBreach
    case logBreach
    case breach
    case breachStepForm
    case breachStep
    case newComplaint
    case takeComplaint
    case complaint
    case complaintStepForm
    case complaintStep
    case newHold
    case placeHold
    case releaseHold
    case newDisclosure
    case logDisclosure
    case taskList
    case taskForm
    case taskDone
    case policy
    case policyROPA
    case policyFideslang
    case audit
    case auditCSV
    case tokens
    case makeToken
    case revokeToken
    case school
    case authorise
    case events
    case signOut

    var method: HTTPRequest.Method {
        switch self {
        case .dashboard, .people, .person, .duplicates, .mergeForm, .newRecord, .imports, .importJob, .importProblems,
            .requests, .newRequest,
            .request,
            .requestPackage, .registers, .policy,
            .policyROPA,
            .policyFideslang,
            .audit, .auditCSV, .tokens, .school, .events, .newBreach, .breach, .breachStepForm, .newComplaint,
            .complaint,
            .complaintStepForm, .newHold, .newDisclosure, .taskList, .taskForm:
            .get
        case .searchPeople, .addRecord, .startImport, .logRequest, .requestLink, .requestStep, .requestCarryOut,
            .makeToken, .revokeToken,
            .authorise, .signOut, .logBreach, .breachStep, .takeComplaint, .complaintStep, .placeHold, .releaseHold,
            .logDisclosure, .taskDone, .merge:
            .post
        }
    }

    /// The path under `/console`, with its parameters.
    var path: String {
        switch self {
        case .dashboard: ""
        case .people, .searchPeople: "people"
        case .person: "people/:subject"
        case .duplicates: "duplicates"
        case .mergeForm, .merge: "people/:subject/merge"
        case .newRecord, .addRecord: "records/new"
        case .imports, .startImport: "imports"
        case .importJob: "imports/:job"
        case .importProblems: "imports/:job/problems.csv"
        case .requests: "requests"
        case .newRequest, .logRequest: "requests/new"
        case .request: "requests/:request"
        case .requestLink: "requests/:request/link"
        case .requestStep: "requests/:request/steps"
        case .requestPackage: "requests/:request/package.zip"
        case .requestCarryOut: "requests/:request/carry-out"
        case .registers: "registers"
        case .newBreach, .logBreach: "registers/breaches/new"
        case .breach: "registers/breaches/:breach"
        case .breachStepForm, .breachStep: "registers/breaches/:breach/:step"
        case .newComplaint, .takeComplaint: "registers/complaints/new"
        case .complaint: "registers/complaints/:complaint"
        case .complaintStepForm, .complaintStep: "registers/complaints/:complaint/:step"
        case .newHold, .placeHold: "registers/holds/new"
        case .releaseHold: "registers/holds/:hold/release"
        case .newDisclosure, .logDisclosure: "people/:subject/disclosures/new"
        case .taskList: "tasks"
        case .taskForm, .taskDone: "tasks/:task/done"
        case .policy: "policy"
        case .policyROPA: "policy/ropa.csv"
        case .policyFideslang: "policy/fideslang.yaml"
        case .audit: "audit"
        case .auditCSV: "audit.csv"
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
        case .duplicates, .mergeForm, .merge: .mergePeople
        case .newRecord, .addRecord: .addRecords
        case .imports, .startImport, .importJob, .importProblems: .importRecords
        case .requests, .request, .taskList: .viewRequests
        case .newRequest, .logRequest, .requestLink, .requestStep, .requestPackage, .requestCarryOut: .actOnRequests
        case .registers, .breach, .complaint: .viewRegisters
        case .newBreach, .logBreach, .breachStepForm, .breachStep, .newComplaint, .takeComplaint, .complaintStepForm,
            .complaintStep, .newHold, .placeHold, .releaseHold, .newDisclosure, .logDisclosure:
            .keepRegisters
        case .taskForm, .taskDone: .doTasks
        case .policy, .policyROPA, .policyFideslang: .viewPolicy
        case .audit, .auditCSV: .viewAudit
        case .tokens, .makeToken, .revokeToken: .manageTokens
        case .school, .authorise: .leadSchool
        case .events: .deliverEvents
        case .signOut: nil
        }
    }
}

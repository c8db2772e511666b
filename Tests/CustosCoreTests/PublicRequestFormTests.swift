import CustosCore
import CustosTestSupport
import Testing

/// The privacy centre's request form, checked before anything is kept, and the requests each
/// seed offers.
@Suite("The public request form")
struct PublicRequestFormTests {
    static let every = RequestKind.allCases

    @Test("each problem names its field, in form order; nothing is accepted until all are put right")
    func problems() {
        let empty = PublicRequestForm(kind: "", name: " ", email: "")
        guard case .failure(let problems) = empty.checked(offered: Self.every) else {
            Issue.record("an empty form was accepted")
            return
        }
        #expect(problems.list.map(\.field) == ["kind", "name", "email"])
        #expect(problems.list[2].message == "Enter your email address")

        let parent = PublicRequestForm(
            kind: "educational_record", name: "Pat Parent", email: "pat@example", forSomeoneElse: false)
        guard case .failure(let parentProblems) = parent.checked(offered: Self.every) else {
            Issue.record("a bad address was accepted")
            return
        }
        #expect(parentProblems.list.map(\.field) == ["email", "for-someone-else"])

        let onBehalf = PublicRequestForm(
            kind: "access", name: "Pat Parent", email: "pat@home.example", forSomeoneElse: true)
        guard case .failure(let behalfProblems) = onBehalf.checked(offered: Self.every) else {
            Issue.record("a request for someone else without their name was accepted")
            return
        }
        #expect(behalfProblems.list.map(\.field) == ["relationship", "their-name", "competence"])

        let notOffered = PublicRequestForm(kind: "portability", name: "Pat", email: "pat@home.example")
        #expect(throws: PublicRequestForm.Problems.self) { try notOffered.checked(offered: [.access]).get() }
    }

    @Test("a good form becomes a request, the address normalised and the text trimmed")
    func accepted() throws {
        let asked = try PublicRequestForm(
            kind: "educational_record", name: "  Pat Parent ", email: " Pat@Home.Example ", details: "  ",
            forSomeoneElse: true, relationship: "parent", theirName: "Kim Parent", competence: "Kim is 7"
        ).checked(offered: Self.every).get()
        #expect(asked.kind == .educationalRecord)
        #expect(asked.name == "Pat Parent" && asked.email == "pat@home.example" && asked.details == nil)
        #expect(asked.onBehalf?.theirName == "Kim Parent")
    }

    @Test("the requests each seed offers follow from its purposes")
    func offered() throws {
        func kinds(_ name: String) throws -> [RequestKind] {
            try PolicyLoader.load(contentsOf: Repository.example(name)).policy.requestKindsOffered
        }
        #expect(try kinds("hutton").contains(.educationalRecord))
        #expect(try !kinds("ashe").contains(.educationalRecord))
        #expect(try kinds("ashe").contains(.objection) && kinds("ashe").contains(.consentWithdrawal))
        for name in Repository.exampleNames {
            #expect(try kinds(name).prefix(4) == [.access, .rectification, .erasure, .restriction])
        }
    }
}

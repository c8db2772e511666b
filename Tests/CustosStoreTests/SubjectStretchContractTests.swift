import CustosCore
import CustosServices
import CustosStorage
import Foundation
import Testing

/// Audiences read the people a purpose concerns a stretch at a time. However the stretches fall,
/// read one after another they must give everyone once, in order, with no one erased.
@Suite("Stretches of people, read one after another")
struct SubjectStretchContractTests {
    @Test(
        "stretches of any size over two record types give everyone once, in order, and no one erased",
        arguments: TestBackend.available)
    func stretchesCoverEveryone(_ backend: TestBackend) async throws {
        try await backend.withFixture { fixture in
            let vault = try await fixture.vault(example: "asset")
            let contact = try #require(vault.policy.recordType("contact"))
            let booking = try #require(vault.policy.recordType("course_booking"))
            var people: [UUID] = []
            for number in 0..<12 {
                let email = "person\(number)@hill.example"
                // Some people hold only a booking, some a contact record, some both, some two bookings.
                if number % 4 != 3 {
                    try await vault.write(
                        RecordInput(
                            type: contact,
                            values: ["name": "Person \(number)", "school_name": "Hill School", "email": email],
                            source: .person),
                        actor: "test")
                }
                for course in ["Phonics", "Maths"].prefix(number % 3) {
                    try await vault.write(
                        RecordInput(type: booking, values: ["email": email, "course": course], source: .person),
                        actor: "test")
                }
                people += try await vault.subjectIDs(identifierKind: "email", value: email)
            }
            let erased = people[5]
            try await vault.erase(subject: erased, actor: "dpo", reason: "asked to be forgotten")
            let types = [contact.id, booking.id]
            let everyone = try await fixture.store.subjectIDs(withRecordsOfTypes: types, in: vault.workspace.id)
            #expect(everyone == SubjectOrder.sortedUnique(people.filter { $0 != erased }))

            for size in [1, 2, 3, 5, 100] {
                var read: [UUID] = []
                var after: UUID?
                var stretches = 0
                repeat {
                    let through = try await fixture.store.subjectStretchEnd(
                        holding: types, after: after, size: size, in: vault.workspace.id)
                    let stretch = SubjectStretch(after: after, through: through)
                    let ids = try await fixture.store.subjectIDs(
                        withRecordsOfTypes: types, in: vault.workspace.id, among: stretch)
                    #expect(ids.allSatisfy(stretch.contains), "stretches of \(size)")
                    read += ids
                    after = through
                    stretches += 1
                } while after != nil && stretches <= people.count
                #expect(read == everyone, "stretches of \(size)")
                #expect(stretches <= people.count, "stretches of \(size) end")
            }
        }
    }
}

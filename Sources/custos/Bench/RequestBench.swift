import CustosCore
import CustosStore
import Foundation

/// The requests part of `custos bench`: access requests taken in and answered with a written
/// package, for contacts picked at random.
struct RequestBench {
    let vault: Vault
    /// How many requests to time.
    let count: Int

    /// Prints the median and 95th percentile of an access request from creation to a written
    /// package (opened, packaged, zipped and written to a file; every step audited).
    func run(folder: URL) async throws {
        let ids = try await vault.store.subjectIDs(withRecordsOfTypes: ["contact"], in: vault.workspace.id)
        guard !ids.isEmpty else { return }
        let requests = Requests(vault: vault)
        let file = folder.appendingPathComponent("package.zip")
        defer { try? FileManager.default.removeItem(at: file) }
        let today = CalendarDay.today
        var times: [Double] = []
        for _ in 0..<count {
            let subject = ids[Int.random(in: 0..<ids.count)]
            let start = DispatchTime.now().uptimeNanoseconds
            let request = try await requests.open(
                RequestIntake(
                    kind: .access, subjectID: subject, channel: .email, receivedOn: today, identityShown: true),
                actor: "bench")
            let zip = try await requests.package(request.id, actor: "bench")
            try zip.write(to: file)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        print(
            "access request, from creation to a written package, among \(ids.count) people: \(BenchCommand.summary(times))"
        )
    }
}

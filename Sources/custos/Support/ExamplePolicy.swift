import ArgumentParser
import Foundation

/// The example policies shipped in Examples/, one per seed organisation.
enum ExamplePolicy: String, CaseIterable, ExpressibleByArgument {
    case ashe
    case westHerts = "west-herts"
    case bep
    case asset
    case hutton

    /// The example's file: in ./Examples when run from the package, else beside this source tree.
    func locate() throws -> URL {
        let name = "\(rawValue).yaml"
        let candidates = [
            URL(fileURLWithPath: "Examples", isDirectory: true).appendingPathComponent(name),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Examples").appendingPathComponent(name),
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw CommandFailure(message: "cannot find Examples/\(name); run the demo from the Custos package folder")
        }
        return found
    }
}

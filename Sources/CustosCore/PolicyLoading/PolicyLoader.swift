public import Foundation
import Yams

/// Reads a policy from YAML into typed values, checking its structure and references; every
/// problem names the line and column.
public enum PolicyLoader {
    /// Loads a policy from its text.
    public static func load(yaml: String, fileName: String) throws(PolicyLoadError) -> LoadedPolicy {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw PolicyLoadError(
                    file: fileName, problems: [.init(location: nil, path: nil, message: "the file is empty")])
            }
            root = node
        } catch let error as PolicyLoadError {
            throw error
        } catch {
            throw PolicyLoadError(file: fileName, problems: [yamlProblem(error)])
        }

        let policy: Policy
        let sourceMap: SourceMap
        do {
            (policy, sourceMap) = try PolicyNodeDecoder.decode(Policy.self, from: root)
        } catch let problem as NodeDecodingProblem {
            throw PolicyLoadError(file: fileName, problems: [problem.asLoadProblem])
        } catch let problems as NodeDecodingProblems {
            throw PolicyLoadError(file: fileName, problems: problems.problems.map(\.asLoadProblem))
        } catch {
            throw PolicyLoadError(file: fileName, problems: [.init(location: nil, path: nil, message: "\(error)")])
        }

        let loaded = LoadedPolicy(policy: policy, sourceMap: sourceMap, fileName: fileName, source: yaml)
        let problems = PolicyReferenceCheck(loaded).problems()
        guard problems.isEmpty else { throw PolicyLoadError(file: fileName, problems: problems) }
        return loaded
    }

    /// Loads a policy from a file.
    public static func load(contentsOf url: URL) throws(PolicyLoadError) -> LoadedPolicy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            throw PolicyLoadError(
                file: url.path,
                problems: [.init(location: nil, path: nil, message: exists ? "cannot read the file" : "no such file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyLoadError(
                file: url.path, problems: [.init(location: nil, path: nil, message: "the file is not UTF-8 text")])
        }
        return try load(yaml: text, fileName: url.lastPathComponent)
    }

    private static func yamlProblem(_ error: any Error) -> PolicyLoadError.Problem {
        guard let yamlError = error as? YamlError else {
            return .init(location: nil, path: nil, message: "not valid YAML")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return .init(
                location: SourceLocation(line: mark.line, column: mark.column), path: nil,
                message: "not valid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .init(
                location: SourceLocation(line: context.mark.line, column: context.mark.column), path: nil,
                message: "a key appears twice in the same mapping: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return .init(location: nil, path: nil, message: "cannot read the file: \(problem)")
        default:
            return .init(location: nil, path: nil, message: "not valid YAML")
        }
    }
}

extension NodeDecodingProblem {
    var asLoadProblem: PolicyLoadError.Problem {
        .init(location: location, path: path == .root ? nil : path, message: message)
    }
}

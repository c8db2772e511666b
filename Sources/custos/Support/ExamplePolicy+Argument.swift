public import ArgumentParser
import CustosCore
public import CustosExamples

extension ExamplePolicy: ExpressibleByArgument {
    /// The example, loaded as a policy (it always loads: the example tests check each one).
    func load() throws -> LoadedPolicy {
        try PolicyLoader.load(yaml: yaml, fileName: fileName)
    }
}

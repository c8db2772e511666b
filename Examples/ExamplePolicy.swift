/// The example policies, one per seed privacy notice: the YAML files beside this one, compiled
/// into the program so that `custos demo` and the benchmarks run from any folder and from an
/// installed binary. Examples/README.md says what each encodes.
public enum ExamplePolicy: String, CaseIterable, Sendable {
    case ashe
    case westHerts = "west-herts"
    case bep
    case asset
    case hutton

    /// The example's file name, as in Examples/.
    public var fileName: String { "\(rawValue).yaml" }

    /// The policy's text, as shipped.
    public var yaml: String {
        let bytes =
            switch self {
            case .ashe: PackageResources.ashe_yaml
            case .westHerts: PackageResources.west_herts_yaml
            case .bep: PackageResources.bep_yaml
            case .asset: PackageResources.asset_yaml
            case .hutton: PackageResources.hutton_yaml
            }
        return String(decoding: bytes, as: UTF8.self)
    }
}

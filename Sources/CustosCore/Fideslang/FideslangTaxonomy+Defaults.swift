import Foundation

extension FideslangTaxonomy {
    /// The default taxonomy's keys and names, as `scripts/update-fideslang-taxonomy.py` wrote them
    /// from the fideslang package into `Resources/fideslang-taxonomy.json` (compiled into the program).
    private struct Defaults: Decodable {
        var fideslang: String
        var dataCategories: [String: String]
        var dataUses: [String: String]
        var dataSubjects: [String: String]

        enum CodingKeys: String, CodingKey {
            case fideslang
            case dataCategories = "data_categories"
            case dataUses = "data_uses"
            case dataSubjects = "data_subjects"
        }
    }

    private static let defaults: Defaults = {
        do {
            return try JSONDecoder().decode(Defaults.self, from: Data(PackageResources.fideslang_taxonomy_json))
        } catch {
            preconditionFailure("the fideslang taxonomy shipped with Custos does not read: \(error)")
        }
    }()

    /// The fideslang version these keys were read from.
    public static var defaultsVersion: String { defaults.fideslang }

    /// Default data categories: key to name.
    public static var defaultDataCategories: [String: String] { defaults.dataCategories }

    /// Default data uses: key to name.
    public static var defaultDataUses: [String: String] { defaults.dataUses }

    /// Default data subjects: key to name.
    public static var defaultDataSubjects: [String: String] { defaults.dataSubjects }
}

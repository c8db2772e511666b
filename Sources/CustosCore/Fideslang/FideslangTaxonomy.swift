/// What Custos knows of the fideslang default taxonomy: which keys exist, and which default data
/// categories are special-category data under UK GDPR Art 9.
public enum FideslangTaxonomy {
    /// Whether `key` is a default data category.
    public static func isDefaultCategory(_ key: String) -> Bool {
        defaultDataCategories[key] != nil
    }

    /// The Article 9 category of a default data category (or of its ancestors), if any.
    public static func specialCategory(ofDefault key: String) -> SpecialCategoryType? {
        var current: Substring? = Substring(key)
        while let candidate = current {
            if let special = specialDefaults[String(candidate)] { return special }
            current = candidate.lastIndex(of: ".").map { candidate[..<$0] }
        }
        return nil
    }

    private static let specialDefaults: [String: SpecialCategoryType] = [
        "user.biometric": .biometric,
        "user.authorization.biometric": .biometric,
        "user.biometric.health": .health,
        "user.health_and_medical": .health,
        "user.health_and_medical.genetic": .genetic,
        "user.demographic.race_ethnicity": .racialOrEthnicOrigin,
        "user.demographic.religious_belief": .religiousOrPhilosophicalBeliefs,
        "user.demographic.political_opinion": .politicalOpinions,
        "user.demographic.sexual_orientation": .sexualOrientation,
    ]
}

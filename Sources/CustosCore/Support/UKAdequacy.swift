/// The countries the UK has made adequacy regulations for (DPA 2018 s.17A), by ISO 3166 code:
/// the EEA states, Gibraltar and the countries the UK recognised. For the United States, adequacy
/// covers only organisations certified under the UK Extension to the Data Privacy Framework.
public enum UKAdequacy {
    public static let countries: Set<String> = [
        // EEA
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IE", "IT", "LV", "LI",
        "LT", "LU", "MT", "NL", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        // Others
        "GI", "AD", "AR", "CA", "FO", "GG", "IM", "IL", "JP", "JE", "NZ", "KR", "CH", "UY", "US",
    ]
}

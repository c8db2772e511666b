/// What a consent-ledger entry records: consent given, or withdrawn.
public enum ConsentAction: String, PolicyKeyword {
    case given
    case withdrawn
}

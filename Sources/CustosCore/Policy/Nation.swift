/// The UK nation whose law and bank holidays the controller works under (`controller.nation`;
/// England when the policy does not say).
public enum Nation: String, PolicyKeyword {
    case england
    case wales
    case scotland
    case northernIreland = "northern_ireland"

    /// The division whose bank holidays the legal clock steps over.
    public var holidayDivision: BankHolidays.Division {
        switch self {
        case .england, .wales: .englandAndWales
        case .scotland: .scotland
        case .northernIreland: .northernIreland
        }
    }

    /// The nation in words.
    public var title: String {
        switch self {
        case .england: "England"
        case .wales: "Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }
}

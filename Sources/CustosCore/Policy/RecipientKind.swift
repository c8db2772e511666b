/// What a recipient is to the controller.
public enum RecipientKind: String, PolicyKeyword {
    /// Acts on the controller's instructions (Art 28): needs a written agreement.
    case processor
    /// Decides for itself what to do with the data it receives.
    case controller
    case jointController = "joint_controller"
    /// A public body such as the DfE, a local authority, the police.
    case publicBody = "public_body"

    public var title: String {
        switch self {
        case .processor: "Processor (acts on our instructions)"
        case .controller: "Independent controller"
        case .jointController: "Joint controller"
        case .publicBody: "Public body"
        }
    }
}

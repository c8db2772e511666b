import CustosCore
import Hummingbird

/// An erasure's certificate, as JSON: the fields of ``ErasureCertificate``, plus its text.
struct ErasureCertificateDocument: ResponseEncodable {
    var certificate: ErasureCertificate

    private enum CodingKeys: String, CodingKey {
        case text
    }

    func encode(to encoder: any Encoder) throws {
        try certificate.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(certificate.text, forKey: .text)
    }
}

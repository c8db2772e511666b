public import CustosServices
import Foundation

/// The transport a mail setting names: an `smtp://`, `smtp+starttls://` or `smtps://` URL, or a
/// folder for `.eml` files (a path, or a `file://` URL).
public enum MailTransports {
    public static func transport(for setting: String) throws(MailConfigurationError) -> any MessageTransport {
        if setting.hasPrefix("file://") {
            guard let url = URL(string: setting), url.isFileURL else {
                throw MailConfigurationError("mail URL: not a file URL")
            }
            return EmlFolderTransport(folder: url)
        }
        if setting.contains("://") {
            return try SMTPTransport(try SMTPConfiguration(url: setting))
        }
        return EmlFolderTransport(folder: URL(fileURLWithPath: setting))
    }
}

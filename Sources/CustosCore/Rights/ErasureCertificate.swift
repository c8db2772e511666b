public import Foundation

/// The record of an erasure carried out, for the person and for the register: on which ground,
/// what was erased, what was kept and why, that the person's key was destroyed, and who had the
/// data and must be told (Art 19). Holds no personal data: the person is named only by the
/// register's id, so the certificate outlives them.
public struct ErasureCertificate: Sendable, Equatable, Codable {
    /// Records of one type, erased or kept.
    public struct Line: Sendable, Equatable, Codable {
        public var recordType: String
        public var typeName: String
        public var count: Int
        /// For kept records: the exemption's reference and why, in words.
        public var exemption: String?
        public var why: String?

        public init(recordType: String, typeName: String, count: Int, exemption: String? = nil, why: String? = nil) {
            self.recordType = recordType
            self.typeName = typeName
            self.count = count
            self.exemption = exemption
            self.why = why
        }
    }

    public var controller: String
    public var requestID: UUID
    public var subjectID: UUID
    public var ground: ErasureGround
    public var receivedOn: CalendarDay
    public var erasedOn: CalendarDay
    public var erased: [Line]
    public var kept: [Line]
    /// Whether the person's data key was destroyed: nothing of theirs in the live database can
    /// be read again.
    public var keyDestroyed: Bool
    /// The day the last backup made before the erasure, and so still holding the data (and the
    /// key that opens it), expires; nil when no backup kept was made before it.
    public var lastBackupExpires: CalendarDay?
    /// Whether the recorded backups were looked at when the certificate was made (nil for a
    /// certificate made before they were): it says nothing of backups otherwise.
    public var backupsChecked: Bool?
    /// How many of their addresses were kept, as keyed hashes only, so they are never contacted
    /// again and not re-created by an import.
    public var addressesSuppressed: Int
    /// The recipients the data was or may have been given to, who are told of the erasure
    /// (Art 19); the person may ask for their names.
    public var recipients: [String]
    /// The DPO who approved it, where the policy asks for approval.
    public var approvedBy: String?
    public var carriedOutBy: String

    public init(
        controller: String, requestID: UUID, subjectID: UUID, ground: ErasureGround, receivedOn: CalendarDay,
        erasedOn: CalendarDay, erased: [Line], kept: [Line], keyDestroyed: Bool, addressesSuppressed: Int,
        recipients: [String], approvedBy: String?, carriedOutBy: String
    ) {
        self.controller = controller
        self.requestID = requestID
        self.subjectID = subjectID
        self.ground = ground
        self.receivedOn = receivedOn
        self.erasedOn = erasedOn
        self.erased = erased
        self.kept = kept
        self.keyDestroyed = keyDestroyed
        self.addressesSuppressed = addressesSuppressed
        self.recipients = recipients
        self.approvedBy = approvedBy
        self.carriedOutBy = carriedOutBy
    }

    /// The certificate as plain text, for a letter or an email.
    public var text: String {
        var lines = [
            "Erasure certificate", "",
            "\(controller) received your request to erase your personal data on \(receivedOn) (request \(requestID)).",
            "We erased it on \(erasedOn), because \(ground.plainEnglish) (\(ground.reference)).", "",
        ]
        if erased.isEmpty {
            lines.append("Nothing was erased.")
        } else {
            lines.append("Erased:")
            lines += erased.map { "- \($0.typeName): \($0.count) record\($0.count == 1 ? "" : "s")" }
        }
        if keyDestroyed {
            lines += [
                "",
                "The key that protected your data was destroyed with it, so nothing of it can be read again in our systems.",
            ]
        }
        if let lastBackupExpires {
            lines += [
                "",
                "Backups made before \(erasedOn) still hold a copy until they expire; the last of them expires on \(lastBackupExpires). They are not used meanwhile, and if one is ever restored, your erasure is carried out again before anything else.",
            ]
        } else if backupsChecked == true {
            lines += ["", "No backup we have recorded was made before the erasure."]
        }
        if !kept.isEmpty {
            lines += ["", "Kept, and why:"]
            lines += kept.map {
                "- \($0.typeName): \($0.count) record\($0.count == 1 ? "" : "s"), \($0.why ?? "") (\($0.exemption ?? ""))"
            }
        }
        if addressesSuppressed > 0 {
            lines += [
                "",
                "We keep a one-way code of your \(addressesSuppressed == 1 ? "address" : "\(addressesSuppressed) addresses") only so that we never contact you again or add you back by mistake.",
            ]
        }
        if !recipients.isEmpty {
            lines += [
                "",
                "We are telling everyone we shared your data with that it has been erased (UK GDPR Art 19). Ask us and we will tell you who they are.",
            ]
        }
        lines += [
            "",
            "If you are unhappy with how we handled your request, you can complain to the Information Commissioner's Office (ico.org.uk, 0303 123 1113).",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

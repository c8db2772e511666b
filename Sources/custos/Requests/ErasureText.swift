import CustosCore
import CustosServices

/// How an erasure assessment reads on the command line.
enum ErasureText {
    static func assessment(_ assessment: ErasureAssessment) -> String {
        var lines = [
            "Erasure of subject \(assessment.subjectID.uuidString) (request \(assessment.requestID.uuidString))"
        ]
        if assessment.plan.items.isEmpty { lines.append("  no records; their identifiers and key would go") }
        for item in assessment.plan.items {
            let records = "\(item.count) record\(item.count == 1 ? "" : "s")"
            if let kept = item.kept {
                let override = kept.mayOverride ? "; --erase-despite \(item.recordType) to erase anyway" : ""
                lines.append(
                    "  keep   \(item.recordType) (\(records)): \(kept.why), \(kept.exemption.reference)\(override)")
            } else {
                let despite = item.overridden.map { " despite \($0.exemption.reference)" } ?? ""
                lines.append("  erase  \(item.recordType) (\(records))\(despite)")
            }
        }
        lines.append(
            assessment.plan.erasesEverything
                ? "Their key would be destroyed and their addresses kept only on the suppression list."
                : "Their key stays, for what is kept.")
        if !assessment.sharedRecords.isEmpty {
            lines.append("Other people in records to be erased (their own parts stay):")
            for record in assessment.sharedRecords {
                let others = record.others.map { "\($0.subjectID.uuidString) (\($0.role))" }.joined(separator: ", ")
                lines.append("  \(record.recordType) \(record.recordID.uuidString): \(others)")
            }
        }
        if !assessment.recipients.isEmpty {
            lines.append("Recipients to tell (Art 19): \(assessment.recipients.joined(separator: "; "))")
        }
        if assessment.needsApproval {
            lines.append(assessment.approved ? "Approved by the DPO." : "Needs the DPO's approval first.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

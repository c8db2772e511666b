/// Finds payment card numbers in any text: 13 to 19 digits, optionally grouped by spaces or
/// hyphens, that pass the Luhn check. Custos never stores one, whatever the field.
public enum PaymentCardNumber {
    /// Whether `text` contains a run of 13–19 digits (single spaces or hyphens between them
    /// allowed) passing the Luhn check. Longer runs of digits are not card numbers.
    public static func occurs(in text: String) -> Bool {
        // Runs are found without copying: each run's digits are checked in place, from its end.
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var runEnd = bytes.startIndex
        var digits = 0
        var lastWasSeparator = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 {
                if digits == 0 { runStart = index }
                digits += 1
                lastWasSeparator = false
                runEnd = bytes.index(after: index)
            } else if (byte == 32 || byte == 45) && digits > 0 && !lastWasSeparator {
                lastWasSeparator = true
            } else {
                if (13...19).contains(digits) && luhn(bytes[runStart..<runEnd]) { return true }
                digits = 0
                lastWasSeparator = false
            }
            index = bytes.index(after: index)
        }
        return (13...19).contains(digits) && luhn(bytes[runStart..<runEnd])
    }

    /// The Luhn (mod 10) check over the digits of `run` (separators skipped).
    static func luhn(_ run: Substring.UTF8View) -> Bool {
        var sum = 0
        var offset = 0
        for byte in run.reversed() where byte >= 48 && byte <= 57 {
            var value = Int(byte - 48)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
            offset += 1
        }
        return sum % 10 == 0
    }
}

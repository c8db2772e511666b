/// Finds payment card numbers in any text: 13 to 19 digits, optionally grouped by spaces or
/// hyphens, that pass the Luhn check. Custos never stores one, whatever the field.
public enum PaymentCardNumber {
    /// Whether `text` contains a run of 13–19 digits (single spaces or hyphens between them
    /// allowed) passing the Luhn check. Longer runs of digits are not card numbers.
    public static func occurs(in text: String) -> Bool {
        var digits: [UInt8] = []
        var lastWasSeparator = false
        func runHasCard() -> Bool {
            (13...19).contains(digits.count) && luhn(digits[...])
        }
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                digits.append(byte - 48)
                lastWasSeparator = false
            } else if (byte == 32 || byte == 45) && !digits.isEmpty && !lastWasSeparator {
                lastWasSeparator = true
            } else {
                if runHasCard() { return true }
                digits.removeAll(keepingCapacity: true)
                lastWasSeparator = false
            }
        }
        return runHasCard()
    }

    /// The Luhn (mod 10) check.
    static func luhn(_ digits: ArraySlice<UInt8>) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = Int(digit)
            if offset % 2 == 1 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return sum % 10 == 0
    }
}

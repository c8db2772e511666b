public import ArgumentParser
public import CustosCore
public import CustosStore

// The policy's closed word lists, taken as option values; a wrong word is a usage error that
// lists the right ones.
extension MarketingChannel: ExpressibleByArgument {}
extension ConsentSource: ExpressibleByArgument {}
extension ProcessingState: ExpressibleByArgument {}
extension SuppressionScope: ExpressibleByArgument {}
extension SuppressionReason: ExpressibleByArgument {}
extension AudienceWriter.Format: ExpressibleByArgument {}
extension MessageStatus: ExpressibleByArgument {}

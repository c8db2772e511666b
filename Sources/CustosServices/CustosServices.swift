// The services' vocabulary includes the records of the storage contract (a stored request, a
// workspace, a school): whoever imports the services can name them. The stores themselves are
// reached only through the services; scripts/check-door.sh fails the build of anything else that
// names one.
@_exported public import CustosStorage

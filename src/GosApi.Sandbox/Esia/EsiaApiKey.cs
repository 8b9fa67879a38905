namespace GosApi.Sandbox.Esia;

/// <summary>
/// An API key registered in the sandbox's ESIA: the organisation (ESIA oid) and the information system (mnemonic,
/// the token's client_id) it belongs to. With <see cref="Ogrn"/> set, only certificates carrying that OGRN
/// (or OGRNIP) in the subject may sign for the key, as real ESIA wants a certificate with the organisation's details.
/// </summary>
public sealed record EsiaApiKey(string ApiKey, string OrgOid, string ClientId, string? Ogrn = null);

using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using GosApi.Sandbox.Epgu.Files;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Orders;

/// <summary>
/// The order object of POST /api/gusmev/order/{orderId} (001 Table 28), fields in the order of 001's example.
/// Values the sandbox has no notion of keep the example's neutral values.
/// </summary>
internal static class OrderJson
{
    public static string Serialize(OrderSnapshot order) => Build(order).ToJsonString(SandboxJson.Options);

    public static JsonObject Build(OrderSnapshot order)
    {
        var current = order.Current;
        var results = ResultFiles.For(order);
        var ownerId = NumericId(order.Owner.Subject);
        var service = order.Service;
        return new JsonObject
        {
            ["orderType"] = "ORDER",
            ["smevTx"] = DeterministicGuid(order.Id).ToString(),
            ["hasEmpowerment2021"] = false,
            ["smevMessageId"] = current.Status.Final ? "" : "WAIT_RESPONSE",
            ["formVersion"] = "1",
            ["ownerId"] = ownerId,
            ["notifySms"] = "",
            ["hasTimestamp"] = false,
            ["orderStatusName"] = current.Status.Title,
            ["portalName"] = "Портал гос услуг v1",
            ["paymentRequired"] = false,
            ["id"] = order.Id,
            ["signCnt"] = 0,
            ["childrenSigned"] = false,
            ["stateOrgStatusCode"] = "",
            ["inviteToEqueueUrl"] = "",
            ["statusColorCode"] = "",
            ["orderStatusId"] = current.Status.Id,
            ["withCustomResult"] = true,
            ["hasNoPaidPayment"] = false,
            ["servicePassportId"] = "600" + service.ServiceCode[^3..],
            ["routingCode"] = "",
            ["sourceSystem"] = "PGU",
            ["stateOrgStatusName"] = "",
            ["serviceUrl"] = "",
            ["serviceEpguId"] = "1",
            ["edsStatus"] = "EDS_NOT_SUPPORTED",
            ["allowToDelete"] = current.Status.Final,
            ["requestDate"] = EpguDates.OrderDate(order.Package?.ReceivedAt ?? order.CreatedAt),
            ["complexMode"] = "",
            ["stateOrgCode"] = service.StateOrgCode,
            ["personType"] = "LEGAL",
            ["serviceTargetId"] = service.TargetCode,
            ["orderPayments"] = new JsonArray(),
            ["orderResponseFiles"] = new JsonArray(results.Select(ResponseFile).ToArray<JsonNode?>()),
            ["hasResult"] = results.Count > 0,
            ["userId"] = ownerId,
            ["allowToEdit"] = false,
            ["closed"] = current.Status.Final,
            ["readyToSign"] = false,
            ["currentStatusHistory"] = Status(order.Id, current, service),
            ["infoMessages"] = new JsonArray(),
            ["notifyEmail"] = "",
            ["paymentCount"] = 0,
            ["draftHidden"] = false,
            ["stateStructureId"] = service.StateStructureId,
            ["hasNewStatus"] = true,
            ["stateOrgId"] = 266,
            ["redirectUrl"] = "",
            ["hasChildren"] = false,
            ["stateStructureName"] = service.StateStructureName,
            ["portalCode"] = "PGU",
            ["esepOperationId"] = "",
            ["orderAttributeEvents"] = new JsonArray(),
            ["notifyPush"] = "",
            ["eserviceId"] = service.ServiceCode,
            ["currentStatusHistoryId"] = current.HistoryId,
            ["linkToOrderForm"] = "",
            ["extOrderUrl"] = "",
            ["paymentStatusEvents"] = new JsonArray(),
            ["payback"] = false,
            ["readyToPush"] = false,
            ["admLevelCode"] = "FEDERAL",
            ["formPrefilling"] = false,
            ["allFileSign"] = service.RequiresSignatures,
            ["orgUserName"] = "",
            ["noPaidPaymentCount"] = -1,
            ["creationMode"] = "direct",
            ["steps"] = new JsonArray(),
            ["powerMnemonic"] = "",
            ["statuses"] = new JsonArray(order.History.Select(h => (JsonNode?)Status(order.Id, h, service)).ToArray()),
            ["orderDate"] = EpguDates.OrderDate(order.CreatedAt),
            ["updated"] = EpguDates.OrderDate(order.Updated),
            ["checkQueue"] = false,
            ["withDelivery"] = false,
            ["gisdo"] = false,
            ["userSelectedRegion"] = order.Meta.Region,
            ["description"] = "",
            ["eQueueEvents"] = new JsonArray(),
            ["hasActiveInviteToEqueue"] = false,
            ["multRegion"] = false,
            ["extSystem"] = false,
            ["useAsTemplate"] = false,
            ["qrlink"] = new JsonObject
            {
                ["hasAltMimeType"] = false, ["fileName"] = "", ["edsStatus"] = "", ["fileSize"] = 0, ["canSentToMFC"] = false,
                ["link"] = "", ["id"] = "", ["mimeType"] = "", ["hasDigitalSignature"] = false, ["additionalName"] = "",
            },
            ["hasPreviewPdf"] = false,
            ["testUser"] = false,
            ["textMessages"] = new JsonArray(),
            ["unreadMessageCnt"] = 0,
            ["parentOrderStateStructureName"] = "",
            ["cr_uin"] = "",
            ["infSysCode"] = "",
            ["serviceName"] = service.Name,
            ["deprecatedService"] = false,
            ["hubForm"] = false,
            ["extOrderId"] = "",
            ["orderAttachmentFiles"] = new JsonArray(AttachmentFiles(order).ToArray<JsonNode?>()),
            ["online"] = false,
            ["location"] = order.Meta.Region[..2],
        };
    }

    private static JsonObject Status(long orderId, OrderStatusEntry entry, EpguService service) => new()
    {
        ["date"] = EpguDates.OrderDate(entry.Date),
        ["cancelAllowed"] = entry.Status.CancelAllowed,
        ["unreadEvent"] = true,
        ["deliveryCancelAllowed"] = false,
        ["finalStatus"] = entry.Status.Final,
        ["orderId"] = orderId,
        ["stateOrgStatusCode"] = "",
        ["author"] = "",
        ["hasResult"] = entry.Status.HasResult ? "Y" : "N",
        ["stateOrgStatusDescr"] = "",
        ["title"] = entry.Status.Title,
        ["mfcFinalStatus"] = false,
        ["sendMessageAllowed"] = false,
        ["statusId"] = entry.Status.Id,
        ["editAllowed"] = false,
        ["sender"] = entry.Status == OrderStatus.Draft ? "" : service.StateStructureName,
        ["mnemonic"] = "",
        ["comment"] = entry.Comment,
        ["id"] = entry.HistoryId,
    };

    private static JsonObject ResponseFile(ResultFile file) => new()
    {
        ["hasAltMimeType"] = false,
        ["fileName"] = file.FileName,
        ["edsStatus"] = "EDS_NOT_SUPPORTED",
        ["fileSize"] = file.Content.Length,
        ["link"] = file.Link,
        ["id"] = FileId(file.ObjectId, file.Mnemonic),
        ["mimeType"] = file.MimeType,
        ["hasDigitalSignature"] = false,
    };

    private static IEnumerable<JsonObject> AttachmentFiles(OrderSnapshot order)
    {
        if (order.Package is null) yield break;
        foreach (var entry in order.Package.Entries)
        {
            yield return new JsonObject
            {
                ["fileName"] = entry.FileName,
                ["fileSize"] = entry.Size,
                ["link"] = $"terrabyte://00/{order.Id}/{entry.FileName}/{ResultFile.AttachmentType}",
                ["id"] = FileId(order.Id, entry.FileName),
                ["mimeType"] = MimeTypes.For(entry.FileName),
                ["hasDigitalSignature"] = order.Package.Entries.Any(e => e.FileName.Equals(entry.FileName + ".sig", StringComparison.OrdinalIgnoreCase)),
                ["type"] = entry.FileName.Equals("req.xml", StringComparison.OrdinalIgnoreCase) ? "REQUEST" : "ATTACHMENT",
            };
        }
    }

    private static string FileId(long objectId, string name) => $"{objectId}/files/{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(name))}";

    /// <summary>ownerId/userId are numbers: the subject itself when numeric, else a stable FNV-1a hash of it.</summary>
    private static long NumericId(string subject)
    {
        if (long.TryParse(subject, out var id)) return id;
        uint hash = 2166136261;
        foreach (var c in subject) hash = (hash ^ c) * 16777619;
        return hash;
    }

    private static Guid DeterministicGuid(long orderId)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, orderId);
        BitConverter.TryWriteBytes(bytes[8..], orderId ^ 0x5A5A5A5A5A5A5A5AL);
        return new Guid(bytes);
    }
}

using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu;

/// <summary>Error codes of 001 Приложение 4 with the HTTP statuses the sandbox pairs them with.</summary>
internal static class EpguErrors
{
    public static ApiException BadRequest(string message) => ApiException.BadRequest(message);

    public static ApiException ServiceNotFound(string serviceCode) =>
        new(StatusCodes.Status400BadRequest, "service_not_found", $"serviceCode: service '{serviceCode}' is not found");

    public static ApiException PersonPermissions(string permissions) =>
        new(StatusCodes.Status403Forbidden, "access_denied_person_permissions",
            $"Пользователь не дал согласие Вашей системе на выполнение данной операции: token permissions '{permissions}' do not contain APIPGU");

    public static ApiException SystemDenied(string scope) =>
        new(StatusCodes.Status403Forbidden, "access_denied_system",
            $"Доступ запрещен для системы: token scope does not contain {scope}");

    public static ApiException OrderAccess(long orderId) =>
        new(StatusCodes.Status403Forbidden, "order_access",
            $"У пользователя нет прав для работы с текущим заявлением: order {orderId} belongs to another user");

    public static ApiException Limitation(string message) =>
        new(StatusCodes.Status409Conflict, "limitation_exception", message);

    /// <summary>Cancel of an unknown order (001 §8.5: 404).</summary>
    public static ApiException OrderNotFound(long orderId) =>
        new(StatusCodes.Status404NotFound, "not_found", $"Заявление не найдено: order {orderId} does not exist");

    /// <summary>An upload names an order that does not exist: a bad parameter, so 400 with the spec's not_found code.</summary>
    public static ApiException UnknownOrderParameter(long orderId) =>
        new(StatusCodes.Status400BadRequest, "not_found", $"orderId: order {orderId} does not exist (create it with POST /api/gusmev/order)");

    public static ApiException CancelNotAllowed(long orderId, int statusId, string title) =>
        new(StatusCodes.Status405MethodNotAllowed, "cancel_not_allowed",
            $"Отмена заявления в текущем статусе невозможна: order {orderId} is in status {statusId} «{title}» without cancelAllowed");

    public static ApiException FileNotFound(string message) =>
        new(StatusCodes.Status404NotFound, "not_found", message);
}

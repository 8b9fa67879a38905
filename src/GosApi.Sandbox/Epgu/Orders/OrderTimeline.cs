using GosApi.Sandbox.Epgu.Packages;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Orders;

internal sealed record ProcessingStep(DateTimeOffset DueAt, string Code, string Message);

internal sealed record StatusStep(DateTimeOffset DueAt, OrderStatus Status, string Comment);

internal sealed record OrderTimeline(IReadOnlyList<ProcessingStep> Processing, IReadOnlyList<StatusStep> Statuses);

/// <summary>
/// Plans what happens to an order after its archive arrives, in sandbox time on the compressed clock.
/// At ClockSpeed 60 a successful flow reaches «Исполнено» about 4 real seconds after the archive.
/// </summary>
internal static class OrderTimelinePlanner
{
    private static readonly TimeSpan ProcessingStep = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ToSentToAgency = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ToReceivedByAgency = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ToCompleted = TimeSpan.FromSeconds(120);

    public static OrderTimeline Plan(DateTimeOffset arrived, PackageInspection inspection, EpguService service, SandboxClock clock)
    {
        var processing = new List<ProcessingStep>();
        var statuses = new List<StatusStep>();
        var elapsed = TimeSpan.Zero;
        DateTimeOffset Next() => clock.After(arrived, elapsed += ProcessingStep);

        processing.Add(new(arrived, ProcessingCodes.New, "Запрос на создание заявления зарегистрирован"));
        processing.Add(new(Next(), ProcessingCodes.Validation, "Проверка вложений"));
        if (inspection.FailedStage == PackageStage.Validation)
            return Failed(Next(), inspection, processing, statuses);

        if (service.RequiresSignatures)
        {
            processing.Add(new(Next(), ProcessingCodes.FilesVerification, "Проверка подписей вложений"));
            if (inspection.FailedStage == PackageStage.Signatures)
                return Failed(Next(), inspection, processing, statuses);
            processing.Add(new(Next(), ProcessingCodes.FilesVerificationSuccess, "Подписи вложений проверены"));
        }

        var done = Next();
        processing.Add(new(done, ProcessingCodes.Done, "Заявление передано на отправку в ведомство"));
        statuses.Add(new(done, OrderStatus.Registered, ""));
        var sent = clock.After(done, ToSentToAgency);
        statuses.Add(new(sent, OrderStatus.SentToAgency, ""));
        var received = clock.After(sent, ToReceivedByAgency);
        statuses.Add(new(received, OrderStatus.ReceivedByAgency, "Сообщение доставлено"));
        statuses.Add(new(clock.After(received, ToCompleted), OrderStatus.Completed, "Услуга оказана, результат во вложении"));
        return new OrderTimeline(processing, statuses);
    }

    private static OrderTimeline Failed(DateTimeOffset at, PackageInspection inspection, List<ProcessingStep> processing, List<StatusStep> statuses)
    {
        processing.Add(new(at, inspection.FailureCode!, inspection.Message));
        statuses.Add(new(at, OrderStatus.SendError, inspection.Message));
        return new OrderTimeline(processing, statuses);
    }
}

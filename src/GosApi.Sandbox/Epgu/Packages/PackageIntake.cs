using GosApi.Sandbox.Epgu.Orders;
using GosApi.Sandbox.Infrastructure;

namespace GosApi.Sandbox.Epgu.Packages;

/// <summary>Takes a complete archive for an order: inspects it, plans the processing and attaches both to the order.</summary>
internal sealed class PackageIntake(PackageInspector inspector, SandboxClock clock)
{
    public void Receive(Order order, string archivePath, int chunks, long lastChunkSize)
    {
        var arrived = clock.Now;
        var inspection = inspector.Inspect(archivePath, order.Id, order.Service);
        var package = new ReceivedPackage(archivePath, new FileInfo(archivePath).Length, inspection.Entries, chunks, lastChunkSize, arrived);
        // The timeline starts when the inspection (which hashes every signed file) is over, not when the archive arrived:
        // however long a big archive takes to verify, a client still sees every processing step for its full length.
        order.AttachPackage(package, OrderTimelinePlanner.Plan(clock.Now, inspection, order.Service, clock));
    }
}

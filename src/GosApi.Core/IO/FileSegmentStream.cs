using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GosApi.IO
{
    /// <summary>
    /// A read-only window [offset, offset+length) of a file, opened on its own handle so that chunks can
    /// be read in parallel straight from disk. Reports bytes read so uploads can show progress.
    /// </summary>
    public sealed class FileSegmentStream : Stream
    {
        private readonly FileStream file;
        private readonly long offset;
        private readonly long length;
        private readonly Action<long>? onRead;
        private long position;

        public FileSegmentStream(string path, long offset, long length, Action<long>? onRead = null)
        {
            if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset));
            if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            if (offset + length > file.Length) { file.Dispose(); throw new ArgumentOutOfRangeException(nameof(length), "The segment runs past the end of the file."); }
            file.Position = offset;
            this.offset = offset;
            this.length = length;
            this.onRead = onRead;
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => position;
            set
            {
                if (value < 0 || value > length) throw new ArgumentOutOfRangeException(nameof(value));
                position = value;
                file.Position = offset + value;
            }
        }

        public override int Read(byte[] buffer, int index, int count)
        {
            var read = file.Read(buffer, index, Clamp(count));
            return Advance(read);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int index, int count, CancellationToken cancellationToken)
        {
            var read = await file.ReadAsync(buffer, index, Clamp(count), cancellationToken).ConfigureAwait(false);
            return Advance(read);
        }

        private int Clamp(int count) => (int)Math.Min(count, length - position);

        private int Advance(int read)
        {
            position += read;
            if (read > 0) onRead?.Invoke(read);
            return read;
        }

        public override long Seek(long delta, SeekOrigin origin)
        {
            switch (origin)
            {
                case SeekOrigin.Begin: Position = delta; break;
                case SeekOrigin.Current: Position = position + delta; break;
                default: Position = length + delta; break;
            }
            return position;
        }

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int index, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) file.Dispose();
            base.Dispose(disposing);
        }
    }
}

namespace GosApi { internal static class Placeholder { } }

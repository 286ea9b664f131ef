namespace TerminalChat; internal static class AssemblyMarker;

#!/usr/bin/env bash
# Publishes a framework-dependent build of the bot with the stories folder beside it.
# Usage: deploy/publish.sh [OUT_DIR]   (default: artifacts/bothost)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/artifacts/bothost"}
dotnet publish "$root/src/BotHost/BotHost.csproj" -c Release -o "$out" --nologo
mkdir -p "$out/seeds"
cp "$root"/seeds/*.txt "$root"/seeds/*.md "$out/seeds/" 2>/dev/null || true
echo "Published to $out. Run: cd $out && dotnet BotHost.dll"

export function DossiersPage(_: { code?: string }) {
  return null;
}

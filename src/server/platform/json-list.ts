/** The rows of a JSON array SQLite built in a statement (json_group_array), or none when it built none. */
export function jsonList<T>(text: string | null | undefined): T[] {
  return JSON.parse(text ?? '[]') as T[];
}

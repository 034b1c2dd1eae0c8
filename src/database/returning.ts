/**
 * The rows a statement's RETURNING gave, from `DataSource.query`: TypeORM answers an INSERT with the rows and an
 * UPDATE or DELETE with `[rows, count]`.
 */
export function returned<T>(result: unknown): T[] {
  if (!Array.isArray(result)) return [];
  const [rows, count] = result as unknown[];
  return Array.isArray(rows) && typeof count === 'number' ? (rows as T[]) : (result as T[]);
}

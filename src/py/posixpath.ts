// os.path (Lib/posixpath.py) as botocore applies it to configured file paths.

type Env = Readonly<Record<string, string | undefined>>;

/** posixpath.expandvars: `$NAME` and `${NAME}` from env; unknown names stay as written. */
export function expandVars(path: string, env: Env): string {
  if (!path.includes('$')) return path;
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    const value = Object.hasOwn(env, key) ? env[key] : undefined;
    return value === undefined ? whole : value;
  });
}

/** posixpath.expanduser for `~` and `~/...` (HOME, else the account's home); `~user` is kept. */
export function expandUser(path: string, env: Env, homedir: string): string {
  if (!path.startsWith('~')) return path;
  let slash = path.indexOf('/', 1);
  if (slash < 0) slash = path.length;
  if (slash !== 1) return path;
  const home = (env['HOME'] ?? homedir).replace(/\/+$/, '');
  return home + path.slice(1) || '/';
}

// Stands in for your own authentication (a session cookie, your identity provider's JWT, …): the signed-in user
// of a request, or undefined. The tests sign users in with `signedIn`.
const sessions = new Map<string, { readonly id: string }>();

export function signedIn(credential: string, user: { readonly id: string }): void {
  sessions.set(credential, user);
}

export async function currentUser(request: Request): Promise<{ readonly id: string } | undefined> {
  const credential = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  return credential === undefined ? undefined : sessions.get(credential);
}

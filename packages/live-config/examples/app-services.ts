// Stand-ins for your own application code, so that the recipes run as written: a wallet that reserves a gift's
// coins, and a room registry.

/** Coins per account. */
export const balances = new Map<string, number>();

export const wallet = {
  /** Takes `coins` from `account` when it has them; resolves false otherwise. */
  async reserve(account: string, coins: number, options: { signal?: AbortSignal } = {}): Promise<boolean> {
    options.signal?.throwIfAborted();
    const balance = balances.get(account) ?? 0;
    if (balance < coins) return false;
    balances.set(account, balance - coins);
    return true;
  },
};

/** Rooms that are live. */
export const liveRooms = new Set<string>();

export const rooms = {
  async remove(roomId: string): Promise<void> {
    liveRooms.delete(roomId);
  },
};

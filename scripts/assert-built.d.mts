/** Throws when any of `outputs` is missing or older than the newest of `inputs`, naming the command that builds it. */
export function assertBuilt(build: { name: string; outputs: string[]; inputs: string[] }): void;

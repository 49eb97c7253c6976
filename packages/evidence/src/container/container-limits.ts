/** Bounds applied while reading a container, before any member is fully inflated. */
export interface ContainerLimits {
  /** Whole zip file size in bytes. */
  maxContainerSize: number;
  maxMembers: number;
  /** Uncompressed size of a single member. */
  maxMemberSize: number;
  /** Sum of uncompressed member sizes. */
  maxTotalSize: number;
  /** Uncompressed / compressed size, per member (zip bombs run to thousands). */
  maxCompressionRatio: number;
}

export const DEFAULT_CONTAINER_LIMITS: ContainerLimits = {
  maxContainerSize: 1024 * 1024 * 1024,
  maxMembers: 512,
  maxMemberSize: 256 * 1024 * 1024,
  maxTotalSize: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
};

export { type BlobInput, type BlobStore, SHA256_HEX, type StoredBlob } from './blob-store';
export { createFsBlobStore } from './fs-blob-store';
export { storeBlob } from './store-blob';
export { sweepBlobTemp } from './sweep-blob-temp';

// Public surface of @inkproof/pki — filled in as the package grows.
export {};

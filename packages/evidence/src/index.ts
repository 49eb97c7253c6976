// Public surface of @inkproof/evidence — filled in as the package grows.
export {};
